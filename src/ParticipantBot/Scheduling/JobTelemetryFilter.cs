using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;

namespace ParticipantBot.Scheduling;

/// <summary>
/// Hangfire has no OpenTelemetry instrumentation: this filter traces each job run (a span
/// "job {name}", linked to the request or job that queued it) and counts runs and their duration by
/// job and outcome. It records the job's id, its recurring id and the occurrence it runs for, never
/// its arguments. The name is the recurring job's id, else Type.Method: few distinct values.
/// </summary>
public sealed class JobTelemetryFilter : IServerFilter, IClientFilter
{
    public const string SourceName = "ParticipantBot.Jobs";
    private static readonly ActivitySource Source = new(SourceName);
    private const string ParentParameter = "traceparent";
    private const string ActivityItem = "ParticipantBot.Activity";
    private const string StartedItem = "ParticipantBot.Started";

    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;

    public JobTelemetryFilter(IMeterFactory meters)
    {
        var meter = meters.Create(Telemetry.TelemetryModule.MeterName);
        _runs = meter.CreateCounter<long>("participantbot.jobs.runs", "{run}", "Hangfire job runs, by job and outcome.");
        _duration = meter.CreateHistogram<double>("participantbot.jobs.duration", "s", "How long Hangfire job runs take, by job and outcome.");
    }

    public void OnCreating(CreatingContext context)
    {
        // The request or job that queues this one: its run is linked to it.
        if (Activity.Current is { Recorded: true } current) context.SetJobParameter(ParentParameter, current.Id);
    }

    public void OnCreated(CreatedContext context) { }

    public void OnPerforming(PerformingContext context)
    {
        context.Items[StartedItem] = Stopwatch.GetTimestamp();
        if (!Source.HasListeners()) return;
        var name = NameOf(context);
        var links = context.GetJobParameter<string>(ParentParameter) is { } parent && ActivityContext.TryParse(parent, null, out var linked)
            ? new[] { new ActivityLink(linked) }
            : null;
        Activity.Current = null; // a root of its own, whatever ran on this worker thread before
        var activity = Source.StartActivity(ActivityKind.Internal, default(ActivityContext), Tags(context, name), links, name: "job " + name);
        if (activity is not null) context.Items[ActivityItem] = activity;
    }

    public void OnPerformed(PerformedContext context)
    {
        var name = NameOf(context);
        var outcome = context.Canceled ? "canceled" : context.Exception is null ? "succeeded" : "failed";
        var outcomeTag = new KeyValuePair<string, object?>("outcome", outcome);
        var jobTag = new KeyValuePair<string, object?>("job", name);
        _runs.Add(1, jobTag, outcomeTag);
        if (context.Items.TryGetValue(StartedItem, out var started) && started is long timestamp)
            _duration.Record(Stopwatch.GetElapsedTime(timestamp).TotalSeconds, jobTag, outcomeTag);
        if (context.Items.TryGetValue(ActivityItem, out var item) && item is Activity activity)
        {
            activity.SetTag("hangfire.job.outcome", outcome);
            if (context.Exception is { } e)
            {
                var error = (e.InnerException ?? e).GetType().FullName;
                activity.SetTag("error.type", error);
                activity.SetStatus(ActivityStatusCode.Error, error); // the type only: an exception's message may name someone
            }
            activity.Stop();
            Activity.Current = null;
        }
    }

    private static string NameOf(PerformContext context) =>
        context.GetJobParameter<string>("RecurringJobId") is { Length: > 0 } recurring
            ? recurring
            : $"{context.BackgroundJob.Job.Type.Name}.{context.BackgroundJob.Job.Method.Name}";

    private static IEnumerable<KeyValuePair<string, object?>> Tags(PerformContext context, string name)
    {
        yield return new("hangfire.job.name", name);
        yield return new("hangfire.job.id", context.BackgroundJob.Id);
        yield return new("hangfire.job.type", context.BackgroundJob.Job.Type.Name);
        yield return new("hangfire.job.method", context.BackgroundJob.Job.Method.Name);
        if (context.GetJobParameter<string>("RecurringJobId") is { Length: > 0 } recurring)
        {
            yield return new("hangfire.recurring_job.id", recurring);
            // The occurrence this run is for (Unix seconds): one run per occurrence across every instance.
            if (context.GetJobParameter<long?>("Time") is { } time) yield return new("hangfire.recurring_job.occurrence", time);
        }
        if (context.GetJobParameter<int?>("RetryCount") is { } retries) yield return new("hangfire.job.retry_count", retries);
        yield return new("hangfire.server.id", context.ServerId);
    }
}

/// <summary>Hangfire's filters for this host: the process-wide ones (attributes, global filters) and the telemetry filter.</summary>
internal sealed class HostJobFilters(JobTelemetryFilter telemetry) : IJobFilterProvider
{
    private readonly JobFilter[] _own = [new JobFilter(telemetry, JobFilterScope.Global, order: null)];

    public IEnumerable<JobFilter> GetFilters(Job job) => JobFilterProviders.Providers.GetFilters(job).Concat(_own);
}
