// The benchmarks seed and check every module's tables directly: each module's table
// accessors (its *Tables class) are in scope everywhere in the benchmarks.
global using ParticipantBot.Audit;
global using ParticipantBot.Campaigns;
global using ParticipantBot.Delivery;
global using ParticipantBot.Invitations;
global using ParticipantBot.Outlook;
global using ParticipantBot.Participants;
global using ParticipantBot.Privacy;
global using ParticipantBot.Surveys;
global using ParticipantBot.Teams;
