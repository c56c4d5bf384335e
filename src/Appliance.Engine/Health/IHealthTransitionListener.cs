namespace Appliance.Engine.Health;

/// <summary>
/// Told of every change <see cref="HealthEventLog"/> records (the uptime history, the backend
/// alerts). It is called under the log's lock, on the thread that observed the change, possibly a
/// proxied request's: it must only hand the event on (a bounded queue), never wait.
/// </summary>
public interface IHealthTransitionListener
{
    void OnTransition(HealthEvent change);
}
