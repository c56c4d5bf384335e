using MudBlazor;

namespace Appliance.Web.Components.Shared;

/// <summary>The one question every destructive button asks first.</summary>
public static class DialogServiceExtensions
{
    /// <summary>Asks <paramref name="question"/> with <paramref name="yes"/> and Cancel; true only for <paramref name="yes"/>.</summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string question, string yes) =>
        await dialogs.ShowMessageBoxAsync(title, question, yesText: yes, cancelText: "Cancel") == true;
}
