using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Participants;

using ParticipantBot.Reporting;

namespace ParticipantBot.Dashboard;

/// <summary>People at one stage: how many, and how many of them are women, young (15–24) and persons with disabilities.</summary>
/// <param name="Youth">Null when the campaign's age bands do not tell 15–24 apart.</param>
public sealed record StageShares(Stage Stage, int Total, int Women, int? Youth, int WithDisability, double? WomenShare, double? YouthShare, double? DisabilityShare);

/// <summary>One value of a dimension (an age band, a disability status): the people invited, confirmed and present, by sex.</summary>
public sealed record DimensionCounts(string Value, SexCounts Invited, SexCounts Confirmed, SexCounts Present);

/// <summary>
/// The dashboard's participation figures beside its counts by group and sex: by age band and by disability, and the
/// shares of women, young people and persons with disabilities among those invited, confirmed and present. For the
/// organisers, so not suppressed; the report that leaves the campaign is.
/// </summary>
public sealed record ParticipationBoard(IReadOnlyList<StageShares> Shares, IReadOnlyList<DimensionCounts> ByAgeBand, IReadOnlyList<DimensionCounts> ByDisability)
{
    public static ParticipationBoard Of(CampaignFigures figures, ScopeFigures scope)
    {
        var youthBands = AgeBands.TellYouth(figures.Campaign.AgeBandBounds) ? figures.AgeBandCodes.Where(c => AgeBands.IsYouth(c) == true).ToList() : null;
        static double? Share(int part, int all) => all == 0 ? null : Math.Round((double)part / all, 3);
        var shares = new[] { Stage.Invited, Stage.Confirmed, Stage.Present }.Select(stage =>
        {
            var total = scope.Total(stage);
            var women = scope.Total(stage, Sex.Female);
            int? youth = youthBands?.Sum(b => scope.Total(stage, Dimensions.AgeBand, b));
            var disability = scope.Total(stage, Dimensions.Disability, EnumNames.Of(DisabilityStatus.WithDisability));
            return new StageShares(stage, total, women, youth, disability, Share(women, total), youth is { } y ? Share(y, total) : null, Share(disability, total));
        }).ToList();
        SexCounts Sexes(Stage stage, string dimension, string value) => new(
            scope.Count(stage, dimension, value, Sex.Female), scope.Count(stage, dimension, value, Sex.Male), scope.Count(stage, dimension, value, Sex.NotStated));
        List<DimensionCounts> By(string dimension, IEnumerable<string> values) => values.Select(v =>
            new DimensionCounts(v, Sexes(Stage.Invited, dimension, v), Sexes(Stage.Confirmed, dimension, v), Sexes(Stage.Present, dimension, v))).ToList();
        return new ParticipationBoard(shares,
            By(Dimensions.AgeBand, figures.AgeBandCodes),
            By(Dimensions.Disability, Enum.GetValues<DisabilityStatus>().Select(EnumNames.Of)));
    }
}
