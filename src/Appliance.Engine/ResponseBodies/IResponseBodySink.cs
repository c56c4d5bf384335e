namespace Appliance.Engine.ResponseBodies;

/// <summary>Where a response-body feature of ours takes the bytes written to it (the cache holds them back, compression encodes them).</summary>
internal interface IResponseBodySink
{
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    Task FlushAsync(CancellationToken cancellationToken);
}
