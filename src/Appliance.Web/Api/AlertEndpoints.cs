using Appliance.Engine.Alerts;
using Appliance.Web.Auth;

namespace Appliance.Web.Api;

/// <summary>
/// <c>/api/v1/alerts</c>: channels and rules (configuration, through the one write path; secrets are
/// write-only), "send test" for a channel, and each channel's delivery figures on this node.
/// </summary>
internal static class AlertEndpoints
{
    public static RouteGroupBuilder MapAlertEndpoints(this RouteGroupBuilder api)
    {
        var channels = api.MapConfigObjects(
            new ConfigObjectApi { Path = "/alerts/channels", Tag = "Alerts", ReadOne = true, DeleteMayConflict = true, NameFromUrl = true }, store => store.AlertChannels);
        api.MapConfigObjects(
            new ConfigObjectApi { Path = "/alerts/rules", Tag = "Alerts", ReadOne = true, NameFromUrl = true }, store => store.AlertRules);

        channels.MapPost("/{name}/test", async (string name, HttpContext context, AlertChannelTester tester, CancellationToken ct) =>
                await tester.SendTestAsync(name, Actor.Of(context), ct) switch
                {
                    null => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"There is no alert channel named '{name}'."),
                    { Delivered: true } result => Results.Ok(result),
                    var result => Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The test notification was not delivered.", detail: result.Error),
                })
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .Produces<AlertTestResult>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status502BadGateway);

        api.MapGet("/alerts/status", async (Appliance.Data.Store.ConfigStore store, AlertChannelStatusBoard board, CancellationToken ct) =>
                Results.Ok((await store.AlertChannels.ListAsync(ct)).Select(c => board.Of(c.Name)).ToArray()))
            .WithTags("Alerts")
            .Produces<AlertChannelStatus[]>();
        return api;
    }
}
