// What the turned-away recorder costs per refusal, in the shapes a flood takes: one address
// hammering, random addresses (every record evicts from the top list), and both cores at once. Also
// the memory it holds after a million random addresses. Figures, never a pass/fail.
using System.Diagnostics;
using System.Net;
using Appliance.Engine.Security.TurnedAway;

const int Records = 2_000_000;
var addresses = new IPAddress[65_536];
var random = new Random(15);
var bytes = new byte[4];
for (var i = 0; i < addresses.Length; i++)
{
    random.NextBytes(bytes);
    addresses[i] = new IPAddress(bytes);
}

var one = IPAddress.Parse("203.0.113.7");
Measure("one address, one thread", 1, (recorder, _, i) => recorder.Record(TurnedAwayReason.Banned, one));
Measure("random addresses, one thread", 1, (recorder, _, i) => recorder.Record(TurnedAwayReason.AccessList, addresses[i & 65_535]));
Measure("random addresses, no address (rates only)", 1, (recorder, _, i) => recorder.Record(TurnedAwayReason.AccessList, null));
Measure($"random addresses, {Environment.ProcessorCount} threads", Environment.ProcessorCount, (recorder, t, i) => recorder.Record(TurnedAwayReason.RateLimit, addresses[(i + t * 7919) & 65_535]));

GC.Collect();
var empty = GC.GetTotalMemory(forceFullCollection: true);
var held = new TurnedAwayRecorder(TimeProvider.System);
var sizes = new List<string>();
for (var i = 1; i <= 1_000_000; i++)
{
    random.NextBytes(bytes);
    held.Record(TurnedAwayReason.Banned, new IPAddress(bytes));
    if (i is 1_000 or 1_000_000)
    {
        sizes.Add($"{(GC.GetTotalMemory(forceFullCollection: true) - empty) / 1024.0:0.0} KiB after {i:N0} random addresses ({held.TrackedAddresses} tracked)");
    }
}

Console.WriteLine("the recorder holds " + string.Join("; ", sizes));
GC.KeepAlive(held);

static void Measure(string label, int threads, Action<TurnedAwayRecorder, int, int> record)
{
    var recorder = new TurnedAwayRecorder(TimeProvider.System);
    for (var i = 0; i < 100_000; i++)
    {
        record(recorder, 0, i); // warm-up: tiered JIT
    }

    var watch = Stopwatch.StartNew();
    Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
    {
        for (var i = 0; i < Records; i++)
        {
            record(recorder, t, i);
        }
    });
    watch.Stop();
    var perRecord = watch.Elapsed.TotalNanoseconds / Records;
    Console.WriteLine($"{label,-45} {perRecord,7:0.0} ns per record per thread, {threads * Records / watch.Elapsed.TotalSeconds / 1e6,6:0.0} M records/s in all");
}
