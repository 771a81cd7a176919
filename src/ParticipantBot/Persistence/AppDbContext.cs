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
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<OutboundMessage> OutboundMessages => Set<OutboundMessage>();
    public DbSet<Teams.TeamsInstallation> TeamsInstallations => Set<Teams.TeamsInstallation>();
    public DbSet<Scheduling.DigestRecord> DigestRecords => Set<Scheduling.DigestRecord>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Outlook.OutlookEvent> OutlookEvents => Set<Outlook.OutlookEvent>();
    public DbSet<Outlook.GraphSubscription> GraphSubscriptions => Set<Outlook.GraphSubscription>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<SurveySubmission> SurveySubmissions => Set<SurveySubmission>();
    public DbSet<DataRequest> DataRequests => Set<DataRequest>();
    public DbSet<Reporting.ParticipationCount> ParticipationCounts => Set<Reporting.ParticipationCount>();
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

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Campaign>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.TimeZoneId).HasMaxLength(64);
            e.PrimitiveCollection(c => c.Organisers).HasField("_organisers").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        model.Entity<Session>(e =>
        {
            e.HasKey(s => s.Id);
            e.HasIndex(s => s.CampaignId);
            e.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.Property(s => s.Title).HasMaxLength(200);
            e.Property(s => s.TimeZoneId).HasMaxLength(64);
            e.PrimitiveCollection(s => s.Languages).HasField("_languages").UsePropertyAccessMode(PropertyAccessMode.Field);
            e.PrimitiveCollection(s => s.SubGroups).HasField("_subGroups").UsePropertyAccessMode(PropertyAccessMode.Field);
            e.Ignore(s => s.LocalStart);
            e.Ignore(s => s.LocalEnd);
            e.Ignore(s => s.LocalAnswerDeadline);
            e.Ignore(s => s.IsCancelled);
            e.ComplexProperty(s => s.ReminderPolicy, r =>
            {
                r.Property(x => x.FirstReminderDays).HasColumnName("ReminderFirstDays");
                r.Property(x => x.SecondReminderDays).HasColumnName("ReminderSecondDays");
                r.Property(x => x.DayBefore).HasColumnName("ReminderDayBefore");
                r.Property(x => x.SameDay).HasColumnName("ReminderSameDay");
                r.Property(x => x.SendAt).HasColumnName("ReminderSendAt");
                r.Property(x => x.SameDayAt).HasColumnName("ReminderSameDayAt");
                r.Property(x => x.QuietFrom).HasColumnName("ReminderQuietFrom");
                r.Property(x => x.QuietUntil).HasColumnName("ReminderQuietUntil");
                r.Ignore(x => x.NonResponderDays);
            });
        });

        model.Entity<Participant>(e =>
        {
            e.HasKey(p => p.Id);
            e.HasOne<Campaign>().WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(p => new { p.CampaignId, p.EmailKey });
            e.HasIndex(p => new { p.CampaignId, p.TeamsObjectId });
            e.Property(p => p.FullName).HasMaxLength(200);
            e.Property(p => p.FullNameAlt).HasMaxLength(200);
            e.Property(p => p.Email).HasMaxLength(254);
            e.Property(p => p.EmailKey).HasMaxLength(254);
            e.Property(p => p.NameKey).HasMaxLength(200);
            e.Property(p => p.Group).HasMaxLength(64);
            // Needs and consent are values (records), stored as columns of the participant.
            e.ComplexProperty(p => p.Needs, n =>
            {
                n.Property(x => x.Transport).HasColumnName("NeedsTransport");
                n.Property(x => x.Diet).HasColumnName("NeedsDiet").HasMaxLength(500);
                n.Property(x => x.Accessibility).HasColumnName("NeedsAccessibility").HasMaxLength(500);
                n.Property(x => x.Interpretation).HasColumnName("NeedsInterpretation").HasMaxLength(500);
                n.Property(x => x.Other).HasColumnName("NeedsOther").HasMaxLength(2000);
                n.Ignore(x => x.Any);
            });
            e.ComplexProperty(p => p.Consent, c =>
            {
                c.Property(x => x.GivenAt).HasColumnName("ConsentGivenAt");
                c.Property(x => x.Channel).HasColumnName("ConsentChannel");
                c.Property(x => x.TextVersion).HasColumnName("ConsentTextVersion").HasMaxLength(32);
            });
        });

        model.Entity<Invitation>(e =>
        {
            e.HasKey(i => i.Id);
            e.HasIndex(i => new { i.SessionId, i.ParticipantId }).IsUnique();
            e.Property(i => i.Version).IsConcurrencyToken();
            e.HasIndex(i => i.ParticipantId);
            e.HasOne<Session>().WithMany().HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Participant>().WithMany().HasForeignKey(i => i.ParticipantId).OnDelete(DeleteBehavior.Cascade);
            e.OwnsMany(i => i.History, h =>
            {
                h.ToTable("InvitationChanges");
                h.WithOwner().HasForeignKey("InvitationId");
                h.Property<long>("Id");
                h.HasKey("Id");
                h.Property(x => x.By).HasMaxLength(128);
                h.Property(x => x.Note).HasMaxLength(500);
            });
            e.Navigation(i => i.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        model.Entity<Teams.TeamsInstallation>(e =>
        {
            e.HasKey(i => i.Id);
            e.HasIndex(i => new { i.TenantId, i.UserObjectId }).IsUnique();
            e.HasIndex(i => i.UserObjectId);
            e.Property(i => i.TenantId).HasMaxLength(100);
            e.Property(i => i.UserObjectId).HasMaxLength(100);
            e.Property(i => i.UserId).HasMaxLength(300);
            e.Property(i => i.UserName).HasMaxLength(200);
            e.Property(i => i.Upn).HasMaxLength(254);
            e.Property(i => i.Email).HasMaxLength(254);
            e.Property(i => i.ConversationId).HasMaxLength(500);
            e.Property(i => i.ServiceUrl).HasMaxLength(500);
            e.Property(i => i.BotId).HasMaxLength(300);
            e.Property(i => i.BotName).HasMaxLength(200);
            e.Property(i => i.ChannelId).HasMaxLength(50);
            e.Property(i => i.InactiveReason).HasMaxLength(500);
            e.Property(i => i.Language).HasMaxLength(8);
        });

        model.Entity<Scheduling.DigestRecord>(e =>
        {
            e.HasKey(d => d.Id);
            e.HasIndex(d => new { d.CampaignId, d.OrganiserObjectId, d.Day }).IsUnique();
            e.Property(d => d.OrganiserObjectId).HasMaxLength(100);
            e.Property(d => d.Outcome).HasMaxLength(500);
            e.HasOne<Campaign>().WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<Outlook.OutlookEvent>(e =>
        {
            e.HasKey(o => o.Id);
            e.HasIndex(o => new { o.SessionId, o.ParticipantId }).IsUnique();
            e.HasIndex(o => o.EventId);
            e.Property(o => o.EventId).HasMaxLength(500);
            e.Property(o => o.TransactionId).HasMaxLength(64);
            e.Property(o => o.Response).HasMaxLength(32);
            e.HasOne<Session>().WithMany().HasForeignKey(o => o.SessionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Participant>().WithMany().HasForeignKey(o => o.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<Outlook.GraphSubscription>(e =>
        {
            e.HasKey(g => g.Id);
            e.Property(g => g.SubscriptionId).HasMaxLength(200);
            e.Property(g => g.ClientState).HasMaxLength(128);
            e.Property(g => g.Resource).HasMaxLength(500);
        });

        // A survey's questions and a response's answers are read and written whole: JSON text columns.
        model.Entity<Survey>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.SessionId).IsUnique();
            e.Property(x => x.Questions).HasConversion(new JsonValueConverter<IReadOnlyList<SurveyQuestion>>(), new JsonValueComparer<IReadOnlyList<SurveyQuestion>>());
            e.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<SurveyResponse>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.SurveyId);
            e.HasIndex(x => x.ParticipantId);
            e.Property(x => x.Group).HasMaxLength(100);
            e.Property(x => x.Answers).HasConversion(new JsonValueConverter<IReadOnlyList<SurveyAnswer>>(), new JsonValueComparer<IReadOnlyList<SurveyAnswer>>());
            e.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
            // A named response goes with its participant when they are erased; an anonymous one has no link to anyone.
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<SurveySubmission>(e =>
        {
            e.HasKey(x => new { x.SurveyId, x.ParticipantId });
            e.HasIndex(x => x.ParticipantId);
            e.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<DataRequest>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.CampaignId);
            e.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
            // The request outlives the person's erasure, without them.
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.SetNull);
        });

        model.Entity<AuditEntry>(e =>
        {
            e.HasKey(a => a.Id);
            e.HasIndex(a => new { a.CampaignId, a.Id });
            e.Property(a => a.Actor).HasMaxLength(128);
            e.Property(a => a.Details).HasMaxLength(1000);
            e.HasOne<Campaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<OutboundMessage>(e =>
        {
            e.HasKey(m => m.Id);
            e.HasIndex(m => m.IdempotencyKey).IsUnique();
            e.HasIndex(m => new { m.Status, m.DueAt });
            e.HasIndex(m => new { m.SessionId, m.ParticipantId });
            e.Property(m => m.IdempotencyKey).HasMaxLength(120);
            e.Property(m => m.Reason).HasMaxLength(1000);
            e.Property(m => m.ChannelMessageId).HasMaxLength(300);
            e.Property(m => m.ClaimedBy).HasMaxLength(200);
            e.Property(m => m.Uncertainty).HasMaxLength(1000);
            e.Ignore(m => m.IsFinished);
            e.HasOne<Participant>().WithMany().HasForeignKey(m => m.ParticipantId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Session>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
        });

        model.ApplyConfigurationsFromAssembly(typeof(Reporting.ParticipationCount).Assembly, t => t.Namespace == typeof(Reporting.ParticipationCount).Namespace);
    }
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
