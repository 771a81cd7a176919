using Microsoft.AspNetCore.Http.HttpResults;
using ParticipantBot.Application;

namespace ParticipantBot.Api;

/// <summary>A use case's refusal as the API answers it: 404, or an RFC 7807 problem (400, 409) naming the field.</summary>
public static class Refusals
{
    public static ProblemHttpResult Problem(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.Conflict => Problems.Conflict(refusal.Message, refusal.Field, refusal.Code, refusal.Args),
        _ => Problems.Validation(refusal.Field, refusal.Message, refusal.Code, refusal.Args),
    };

}
