using System.Net;
using Appliance.Engine.Security.Bans;
using Appliance.Engine.Security.TurnedAway;

namespace Appliance.Engine.Tests.Security.TurnedAway;

public sealed class OffenderSketchTests
{
    [Fact]
    public void A_newcomer_takes_a_least_counted_slot_and_inherits_its_count_plus_one()
    {
        var sketch = new OffenderSketch(3);
        Add(sketch, "198.51.100.1", 3);
        Add(sketch, "198.51.100.2", 1);
        Add(sketch, "198.51.100.3", 2);

        Add(sketch, "198.51.100.4", 1);

        var held = Read(sketch);
        Assert.Equal(3, held.Count);
        Assert.False(held.ContainsKey(Key("198.51.100.2")));
        Assert.Equal(2, held[Key("198.51.100.4")].Count);
        Assert.Equal(3, held[Key("198.51.100.1")].Count);

        // Now 3, 2 and 2: the next newcomer evicts one of the twos, never the three.
        Add(sketch, "198.51.100.5", 1);
        held = Read(sketch);
        Assert.Equal(3, held[Key("198.51.100.1")].Count);
        Assert.Equal(3, held[Key("198.51.100.5")].Count);
        Assert.Single(held.Keys, k => k == Key("198.51.100.3") || k == Key("198.51.100.4"));
    }

    [Fact]
    public void After_a_clear_it_fills_and_evicts_as_new()
    {
        var sketch = new OffenderSketch(2);
        Add(sketch, "198.51.100.1", 5);
        Add(sketch, "198.51.100.2", 5);
        Add(sketch, "198.51.100.3", 1);
        sketch.Clear();

        Add(sketch, "198.51.100.1", 1);
        Add(sketch, "198.51.100.2", 2);
        Add(sketch, "198.51.100.3", 1);

        var held = Read(sketch);
        Assert.Equal(2, held[Key("198.51.100.3")].Count);
        Assert.Equal(2, held[Key("198.51.100.2")].Count);
        Assert.False(held.ContainsKey(Key("198.51.100.1")));
    }

    private static BanKey Key(string address) => BanKey.Of(IPAddress.Parse(address));

    private static void Add(OffenderSketch sketch, string address, int times)
    {
        for (var i = 0; i < times; i++)
        {
            sketch.Add(Key(address), TurnedAwayReason.Banned);
        }
    }

    private static Dictionary<BanKey, (long Count, int Reasons)> Read(OffenderSketch sketch)
    {
        var held = new Dictionary<BanKey, (long Count, int Reasons)>();
        sketch.AddTo(held);
        return held;
    }
}
