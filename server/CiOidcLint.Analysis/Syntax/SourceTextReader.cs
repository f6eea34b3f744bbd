using System;
using System.IO;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Syntax;

/// <summary>
/// Reads a <see cref="SourceText"/> through a small buffer. The parser reads the document this
/// way rather than from <c>ToString()</c>, which copies a big pipeline into the large object
/// heap on every analysis; in the editor that meant a full garbage collection every few edits.
/// </summary>
public sealed class SourceTextReader : TextReader
{
    private const int BufferSize = 4096;

    private readonly SourceText _text;
    private readonly char[] _buffer = new char[BufferSize];
    private int _bufferStart;
    private int _bufferLength;
    private int _position;

    public SourceTextReader(SourceText text) => _text = text;

    public override int Peek() => _position < _text.Length ? CharAt(_position) : -1;

    public override int Read() => _position < _text.Length ? CharAt(_position++) : -1;

    public override int Read(char[] buffer, int index, int count)
    {
        count = Math.Min(count, _text.Length - _position);
        if (count <= 0)
        {
            return 0;
        }

        _text.CopyTo(_position, buffer, index, count);
        _position += count;
        return count;
    }

#if NET
    public override int Read(Span<char> buffer)
    {
        var count = Math.Min(buffer.Length, _text.Length - _position);
        for (var i = 0; i < count; i++)
        {
            buffer[i] = CharAt(_position++);
        }

        return Math.Max(count, 0);
    }
#endif

    private char CharAt(int position)
    {
        var offset = position - _bufferStart;
        if ((uint)offset >= (uint)_bufferLength)
        {
            _bufferStart = position;
            _bufferLength = Math.Min(BufferSize, _text.Length - position);
            _text.CopyTo(position, _buffer, 0, _bufferLength);
            offset = 0;
        }

        return _buffer[offset];
    }
}
