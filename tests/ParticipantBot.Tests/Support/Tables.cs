// The tests read and write every module's tables to set up and check what they need: each module's table
// accessors (its *Tables class) are in scope everywhere in the tests, and nowhere else in the service.
global using ParticipantBot.Audit;
global using ParticipantBot.Campaigns;
global using ParticipantBot.Delivery;
global using ParticipantBot.Invitations;
global using ParticipantBot.Outlook;
global using ParticipantBot.Participants;
global using ParticipantBot.Privacy;
global using ParticipantBot.Surveys;
global using ParticipantBot.Teams;
