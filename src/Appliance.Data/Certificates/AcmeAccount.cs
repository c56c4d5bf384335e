namespace Appliance.Data.Certificates;

/// <summary>The appliance's account at one ACME server: its URL (the JWS "kid") and its ES256 key.</summary>
public sealed record AcmeAccount(string DirectoryUrl, string AccountUrl, string KeyPem);
