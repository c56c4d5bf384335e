namespace Appliance.Engine.Security.Shield;

/// <summary>
/// A client key's turn to have one password checked (<see cref="BasicAuthThrottle.TakeTurnAsync"/>):
/// while it is held no other request of the key is checked. <see cref="Begin"/> counts the attempt
/// as a wrong one before the hash is paid, so parallel guesses cannot all slip under the limit;
/// <see cref="Forgive"/> takes it back when the password was right or never checked. Disposing
/// ends the turn.
/// </summary>
internal sealed class BasicAuthTurn(BasicAuthThrottle throttle, string key, BasicAuthWindow? window) : IDisposable
{
    private bool _counted;
    private bool _ended;

    /// <summary>False, with the time left, when the key is blocked; otherwise the attempt now counts.</summary>
    public bool Begin(out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (window is null)
        {
            return true;
        }

        _counted = throttle.Begin(window, out retryAfter);
        return _counted;
    }

    /// <summary>The password was wrong: the attempt stays counted, and may block the key.</summary>
    public void Fail()
    {
        if (window is not null && _counted)
        {
            throttle.Fail(window);
            _counted = false;
        }
    }

    /// <summary>The password was right, or never checked: the attempt no longer counts.</summary>
    public void Forgive()
    {
        if (window is not null && _counted)
        {
            throttle.Forgive(window);
            _counted = false;
        }
    }

    /// <summary>Another node blocked the key (shared counts): this node blocks it as long, without counting this attempt.</summary>
    public void Block(TimeSpan duration)
    {
        Forgive();
        if (window is not null)
        {
            throttle.Block(window, duration);
        }
    }

    public void Dispose()
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        Forgive();
        if (window is not null)
        {
            throttle.EndTurn(key, window);
        }
    }
}
