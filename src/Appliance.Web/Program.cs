using Appliance.Web.Hosting;

var app = ApplianceApplication.Create(args);
await app.RunAsync();
