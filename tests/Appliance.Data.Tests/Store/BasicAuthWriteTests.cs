using System.Net;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Data.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Store;

// Basic-auth passwords are hashed with the admin users' slow hash; a write must not hold the
// database's one write lock while it hashes, or sign-ins and sign-outs wait and fail meanwhile.
public sealed class BasicAuthWriteTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private static BasicAuthUserSpec[] Users(int count, string? password) =>
        Enumerable.Range(0, count).Select(i => new BasicAuthUserSpec { User = $"user-{i}", Password = password }).ToArray();

    [Fact]
    public async Task An_access_list_of_more_than_1000_users_is_refused_with_one_message_on_its_users()
    {
        var result = await fixture.Store.AccessLists.CreateAsync(new AccessListSpec { Name = "crowd", BasicAuthUsers = Users(1001, password: null) }, "t");

        Assert.Equal(StoreStatus.Invalid, result.Status);
        Assert.Equal(["basicAuthUsers"], result.Errors.Keys);
        Assert.Equal(["An access list has at most 1000 basic-auth users."], result.Errors["basicAuthUsers"]);
        Assert.Null(await fixture.Store.AccessLists.GetAsync("crowd"));
    }

    [Fact]
    public async Task Sign_ins_go_through_while_an_access_list_with_many_new_passwords_is_saved()
    {
        var users = fixture.Services.GetRequiredService<UserStore>();
        Assert.True((await users.CreateAsync(new NewUser { UserName = "busy-admin", Password = "correct horse battery", Role = ApplianceRoles.Admin }, Editor.Authorized("t"))).Succeeded);

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var save = Task.Run(() =>
        {
            started.SetResult();
            return fixture.Store.AccessLists.CreateAsync(new AccessListSpec { Name = "many", BasicAuthUsers = Users(60, "a basic auth passphrase") }, "t");
        });
        await started.Task;

        // Each sign-in comes from a new network, so each writes the user's recent sign-in networks.
        var signInsDuringSave = 0;
        for (var network = 1; !save.IsCompleted; network++)
        {
            var signIn = await users.SignInAsync("busy-admin", "correct horse battery", IPAddress.Parse($"10.{network / 256}.{network % 256}.1"));
            Assert.Equal(SignInOutcome.Succeeded, signIn.Outcome);
            if (!save.IsCompleted)
            {
                signInsDuringSave++;
            }
        }

        Assert.Equal(StoreStatus.Ok, (await save).Status);
        Assert.True(signInsDuringSave >= 5, $"only {signInsDuringSave} sign-ins finished while the list was being saved");
    }
}
