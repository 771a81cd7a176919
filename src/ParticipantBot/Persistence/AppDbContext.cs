using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Domain.Surveys;

namespace ParticipantBot.Persistence;

/// <summary>
/// The application's database. One model for both providers; each provider has its own
/// migrations (see <see cref="SqliteAppDbContext"/> and <see cref="PostgresAppDbContext"/>).
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core Data Protection keys: signed links survive restarts and work on every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected abstract bool StoresInstantsAsNumbers { get; }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>The audit log is written once: no code path may change or remove an entry.</summary>
    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Audit entries are never changed or deleted.");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Enums are stored by name, so the database reads the same as the API.
        builder.Properties<Language>().HaveConversion<string>().HaveMaxLength(8);
        builder.Properties<Sex>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<PreferredChannel>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<AnswerChannel>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<RsvpStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<SessionState>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<MessageKind>().HaveConversion<string>().HaveMaxLength(24);
        builder.Properties<DeliveryChannel>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<DeliveryStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<AuditAction>().HaveConversion<string>().HaveMaxLength(32);
        // SQLite has no instant type and EF cannot compare DateTimeOffset text there; every instant
        // in this model is UTC, so a number keeps ordering and comparisons in SQL.
        if (StoresInstantsAsNumbers)
            builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model) =>
        // Each module maps the entities it owns (an IEntityTypeConfiguration per entity, in the module).
        model.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
}

/// <summary>The SQLite flavour of the model, with its own migrations.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override bool StoresInstantsAsNumbers => true;
}

/// <summary>The PostgreSQL flavour of the model, with its own migrations.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override bool StoresInstantsAsNumbers => false;
}
