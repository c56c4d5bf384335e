namespace Appliance.Engine.Routing;

/// <summary>
/// Reads and writes <c>%XX</c> escapes in place, so that the canonical path's one pass needs no
/// substrings and no parsing helpers that allocate.
/// </summary>
internal static class PercentEncoding
{
    private const string UpperHex = "0123456789ABCDEF";

    /// <summary>True when <paramref name="text"/> has a well-formed escape at <paramref name="index"/>, with its byte.</summary>
    public static bool TryRead(ReadOnlySpan<char> text, int index, out byte value)
    {
        if (text[index] == '%' && index + 2 < text.Length && char.IsAsciiHexDigit(text[index + 1]) && char.IsAsciiHexDigit(text[index + 2]))
        {
            value = (byte)((ValueOf(text[index + 1]) << 4) | ValueOf(text[index + 2]));
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Writes <paramref name="value"/> as <c>%XX</c> in upper-case hex; the new length.</summary>
    public static int Write(byte value, Span<char> output, int length)
    {
        output[length] = '%';
        output[length + 1] = UpperHex[value >> 4];
        output[length + 2] = UpperHex[value & 0xF];
        return length + 3;
    }

    /// <summary>
    /// Writes <paramref name="c"/> as the escapes of its UTF-8 bytes; the new length. A lone
    /// surrogate half, which has no UTF-8 form, becomes U+FFFD, as <c>Encoding.UTF8</c> makes it.
    /// </summary>
    public static int WriteUtf8(char c, Span<char> output, int length)
    {
        if (c < 0x80)
        {
            return Write((byte)c, output, length);
        }

        if (c < 0x800)
        {
            length = Write((byte)(0xC0 | (c >> 6)), output, length);
            return Write((byte)(0x80 | (c & 0x3F)), output, length);
        }

        if (char.IsSurrogate(c))
        {
            c = '\uFFFD';
        }

        length = Write((byte)(0xE0 | (c >> 12)), output, length);
        length = Write((byte)(0x80 | ((c >> 6) & 0x3F)), output, length);
        return Write((byte)(0x80 | (c & 0x3F)), output, length);
    }

    private static int ValueOf(char hex) => hex <= '9' ? hex - '0' : (hex | 0x20) - 'a' + 10;
}
