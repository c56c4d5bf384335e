using System.Text;
using Appliance.Engine.Caching;
using Appliance.Engine.Caching.Disk;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Appliance.Engine.Tests.Caching.Disk;

/// <summary>The disk tier's files and index: what survives a new store on the same folder, what is dropped, and the bound.</summary>
public sealed class DiskCacheStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "appliance-disk-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void An_entry_written_by_one_store_is_indexed_and_read_whole_by_the_next_on_the_same_folder()
    {
        var first = Store();
        Assert.True(first.Write(Entry("http://a.test/x", "hello disk", ("Content-Type", "text/plain"), ("X-Two", "1"))));

        var second = Store();
        var found = second.Lookup("http://a.test/x", new HeaderDictionary(), out var urlStored);
        Assert.True(urlStored);
        var read = second.Open(found!, loadUpTo: 1024)!;
        Assert.Equal("hello disk", Encoding.UTF8.GetString(read.Body));
        Assert.Null(read.BodyFile);
        Assert.Equal("text/plain", read.Header("Content-Type"));
        Assert.Equal(TimeSpan.FromSeconds(60), read.FreshnessLifetime);
        Assert.Equal(1, second.Statistics().Entries);
    }

    [Fact]
    public void A_large_body_stays_in_its_file_open_for_streaming()
    {
        var store = Store();
        var body = new string('b', 10_000);
        store.Write(Entry("http://a.test/big", body));

        var read = store.Open(store.Lookup("http://a.test/big", new HeaderDictionary(), out _)!, loadUpTo: 100)!;
        using var handle = read.BodyFile!.Handle;
        Assert.Empty(read.Body);
        Assert.Equal(10_000, read.BodyFile.Length);
        var bytes = new byte[10_000];
        RandomAccess.Read(handle, bytes, read.BodyFile.Offset);
        Assert.Equal(body, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void A_truncated_file_is_dropped_and_counted_when_read_and_when_the_index_is_rebuilt()
    {
        var store = Store();
        store.Write(Entry("http://a.test/cut", new string('c', 5000)));
        store.Write(Entry("http://a.test/cut-later", new string('d', 5000)));
        var cut = store.Lookup("http://a.test/cut", new HeaderDictionary(), out _)!;
        Truncate(cut.Path);

        Assert.Null(store.Open(cut, loadUpTo: 100_000));
        Assert.False(File.Exists(cut.Path));
        Assert.Null(store.Lookup("http://a.test/cut", new HeaderDictionary(), out _));
        Assert.Equal(1, store.Statistics().Corrupt);

        var later = store.Lookup("http://a.test/cut-later", new HeaderDictionary(), out _)!;
        Truncate(later.Path);
        File.WriteAllText(Path.Combine(_folder, "leftover.entry.0123.tmp"), "half a write");
        var rebuilt = Store();
        Assert.Equal(0, rebuilt.Statistics().Entries);
        Assert.Equal(1, rebuilt.Statistics().Corrupt);
        Assert.Empty(Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_flipped_byte_in_a_small_body_fails_its_checksum_and_is_never_returned()
    {
        var store = Store();
        store.Write(Entry("http://a.test/flip", "original body"));
        var entry = store.Lookup("http://a.test/flip", new HeaderDictionary(), out _)!;
        var bytes = File.ReadAllBytes(entry.Path);
        bytes[^1] ^= 0x20;
        File.WriteAllBytes(entry.Path, bytes);

        Assert.Null(store.Open(entry, loadUpTo: 1024));
        Assert.Equal(1, store.Statistics().Corrupt);
    }

    [Fact]
    public void The_bound_holds_with_least_recently_used_files_evicted_first()
    {
        var store = Store(maxMb: 1);
        for (var i = 0; i < 40; i++)
        {
            store.Write(Entry($"http://a.test/{i}", new string('x', 100 * 1024)));
            Assert.True(store.Statistics().Bytes <= 1024 * 1024);
            store.Lookup("http://a.test/0", new HeaderDictionary(), out _);
        }

        Assert.NotNull(store.Lookup("http://a.test/0", new HeaderDictionary(), out _));
        Assert.NotNull(store.Lookup("http://a.test/39", new HeaderDictionary(), out _));
        Assert.Null(store.Lookup("http://a.test/1", new HeaderDictionary(), out _));
        var files = Directory.EnumerateFiles(_folder, "*.entry", SearchOption.AllDirectories).ToList();
        Assert.Equal(store.Statistics().Entries, files.Count);
        Assert.True(files.Sum(f => new FileInfo(f).Length) <= 1024 * 1024);
    }

    [Fact]
    public async Task Readers_holding_a_file_keep_a_whole_old_copy_while_a_writer_replaces_it()
    {
        var store = Store();
        var old = new string('o', 200_000);
        store.Write(Entry("http://a.test/r", old));
        var entry = store.Lookup("http://a.test/r", new HeaderDictionary(), out _)!;
        var readers = new[] { store.Open(entry, 0)!, store.Open(entry, 0)! };

        var writer = Task.Run(() => store.Write(Entry("http://a.test/r", new string('n', 300_000))));
        var bodies = readers.Select(r => Task.Run(() => ReadAll(r.BodyFile!))).ToArray();
        Assert.True(await writer.WaitAsync(TimeSpan.FromSeconds(10)));
        foreach (var body in bodies)
        {
            Assert.Equal(old, await body.WaitAsync(TimeSpan.FromSeconds(10)));
        }

        var current = store.Open(store.Lookup("http://a.test/r", new HeaderDictionary(), out _)!, 0)!;
        Assert.Equal(300_000, current.BodyFile!.Length);
        Assert.Equal(new string('n', 300_000), ReadAll(current.BodyFile));
    }

    [Fact]
    public void A_large_entry_rewritten_after_its_request_closed_the_file_is_copied_from_the_file_by_name()
    {
        var store = Store();
        var body = new string('f', 5000);
        store.Write(Entry("http://a.test/f", body));
        var read = store.Open(store.Lookup("http://a.test/f", new HeaderDictionary(), out _)!, 0)!;
        read.BodyFile!.Handle.Dispose();

        Assert.True(store.Write(read));
        var again = store.Open(store.Lookup("http://a.test/f", new HeaderDictionary(), out _)!, 100_000)!;
        Assert.Equal(body, Encoding.UTF8.GetString(again.Body));
    }

    [Fact]
    public void Purges_remove_files_by_url_prefix_and_all()
    {
        var store = Store();
        foreach (var path in new[] { "/a/1", "/a/2", "/b/1", "/a" })
        {
            store.Write(Entry("http://a.test" + path, "x"));
        }

        Assert.Equal(1, store.PurgeUrl("http://a.test/a"));
        Assert.Equal(2, store.PurgePrefix("http://a.test/a/"));
        Assert.True(store.HoldsAnyFor("a.test"));
        Assert.Equal(1, store.PurgeAll());
        Assert.False(store.HoldsAnyFor("a.test"));
        Assert.Empty(Directory.EnumerateFiles(_folder, "*.entry", SearchOption.AllDirectories));
    }

    private static string ReadAll(DiskBody body)
    {
        using var handle = body.Handle;
        var bytes = new byte[body.Length];
        Assert.Equal(bytes.Length, RandomAccess.Read(handle, bytes, body.Offset));
        return Encoding.UTF8.GetString(bytes);
    }

    private static void Truncate(string path)
    {
        using var file = new FileStream(path, FileMode.Open);
        file.SetLength(file.Length - 10);
    }

    private DiskCacheStore Store(int maxMb = 64) => new(new CacheOptions { DiskPath = _folder, DiskMaxSizeMB = maxMb });

    private static CachedResponse Entry(string key, string body, params (string Name, string Value)[] headers) => new()
    {
        Key = key,
        StatusCode = 200,
        Headers = [.. headers.Select(h => new KeyValuePair<string, StringValues>(h.Name, h.Value))],
        Body = Encoding.UTF8.GetBytes(body),
        RequestTime = DateTimeOffset.UtcNow,
        ResponseTime = DateTimeOffset.UtcNow,
        FreshnessLifetime = TimeSpan.FromSeconds(60),
        VaryHeaders = [],
        VaryKey = "",
    };
}
