// A channel or group-chat tab's configuration: which campaign the tab shows. Only the campaigns the
// signed-in organiser sees are offered; the tab's page checks access again on every request.
const texts = JSON.parse(document.getElementById('texts').textContent);
const select = document.getElementById('campaign');
const notice = text => { document.getElementById('notice').textContent = text; };

async function start() {
  await microsoftTeams.app.initialize();
  const token = await microsoftTeams.authentication.getAuthToken();
  const response = await fetch('/api/campaigns', { headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' } });
  if (!response.ok) { notice(texts['Dashboard.Refused']); return; }
  const campaigns = await response.json();
  if (campaigns.length === 0) { notice(texts['Dashboard.NoCampaign']); return; }
  for (const c of campaigns) select.append(new Option(c.name, c.id));
  microsoftTeams.pages.config.registerOnSaveHandler(save => {
    const chosen = campaigns.find(c => c.id === select.value);
    microsoftTeams.pages.config.setConfig({
      entityId: chosen.id,
      contentUrl: `${location.origin}/dashboard?campaign=${chosen.id}`,
      websiteUrl: `${location.origin}/dashboard?campaign=${chosen.id}`,
      suggestedDisplayName: chosen.name,
    }).then(() => save.notifySuccess(), e => save.notifyFailure(String(e)));
  });
  microsoftTeams.pages.config.setValidityState(true);
  microsoftTeams.app.notifySuccess();
}

start().catch(e => notice(String(e)));
