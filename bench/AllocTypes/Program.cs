using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// Usage: AllocTypes <pid> <seconds> [top=25]
// The runtime reports one GC/AllocationTick event per ~100 KB allocated, naming the type of the
// object that crossed the mark: summed per type over a window, that is a sampled picture of what
// the process allocates. Prints each type's estimated bytes, largest first, as "bytes<TAB>type",
// and the total on the last line; the caller divides by the requests it served in the window.
var pid = int.Parse(args[0]);
var seconds = double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
var top = args.Length > 2 ? int.Parse(args[2]) : 25;

var client = new DiagnosticsClient(pid);
var providers = new[]
{
    new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.GC),
};
using var session = client.StartEventPipeSession(providers, requestRundown: false);
var bytesByType = new Dictionary<string, long>(StringComparer.Ordinal);
long total = 0;
using var source = new EventPipeEventSource(session.EventStream);
source.Clr.GCAllocationTick += tick =>
{
    var amount = tick.AllocationAmount64;
    var type = tick.TypeName is { Length: > 0 } name ? name : "(unnamed)";
    bytesByType[type] = bytesByType.GetValueOrDefault(type) + amount;
    total += amount;
};

var processing = Task.Run(source.Process);
await Task.Delay(TimeSpan.FromSeconds(seconds));
session.Stop();
await processing;

foreach (var (type, bytes) in bytesByType.OrderByDescending(t => t.Value).Take(top))
{
    Console.WriteLine($"{bytes}\t{type}");
}

Console.WriteLine($"{total}\t(total)");
