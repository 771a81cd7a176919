using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;

namespace ParticipantBot.Domain.Tests.Campaigns;

public class CampaignTests
{
    [Fact]
    public void NewCampaign_HasItsCreatorAsOrganiser_AndTheDefaults()
    {
        var campaign = Campaign.Create("Tanger", "oid-1", DateTimeOffset.UtcNow);
        Assert.Equal(["oid-1"], campaign.Organisers);
        Assert.True(campaign.IsOrganiser("OID-1"));
        Assert.False(campaign.IsOrganiser("oid-2"));
        Assert.Equal(Language.Fr, campaign.DefaultLanguage);
        Assert.Equal("Africa/Casablanca", campaign.TimeZoneId);
        Assert.Equal(12, campaign.RetentionMonths);
    }

    [Fact]
    public void Campaign_KeepsAtLeastOneOrganiser()
    {
        var campaign = Campaign.Create("Tanger", "oid-1", DateTimeOffset.UtcNow);
        Assert.Throws<DomainException>(() => campaign.ReplaceOrganisers([" ", ""]));
        campaign.ReplaceOrganisers(["oid-2", "oid-2", "oid-3"]);
        Assert.Equal(["oid-2", "oid-3"], campaign.Organisers);
    }

    [Fact]
    public void Campaign_WithoutName_IsRefused() =>
        Assert.Equal("name", Assert.Throws<DomainException>(() => Campaign.Create("  ", "oid", DateTimeOffset.UtcNow)).Field);
}
