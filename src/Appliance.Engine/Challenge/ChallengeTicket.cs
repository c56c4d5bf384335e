namespace Appliance.Engine.Challenge;

/// <summary>A challenge as the server issued it: what the sealed token says.</summary>
internal sealed record ChallengeTicket(string Nonce, DateTimeOffset IssuedAt, string Address, int Difficulty, int ValidMinutes);
