using System;
using System.Collections.Generic;
using System.Linq;

namespace CiOidcLint.Analysis.Fixes;

/// <summary>Two fixes are the same when they have the same title and make the same edits.</summary>
internal sealed class FixComparer : IEqualityComparer<CodeFix>
{
    public static readonly FixComparer Instance = new();

    public bool Equals(CodeFix? x, CodeFix? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.Title != y.Title || x.IsPreferred != y.IsPreferred || x.Changes.Length != y.Changes.Length)
        {
            return false;
        }

        return x.Changes.Zip(y.Changes, (a, b) => a.Path == b.Path && a.Changes.SequenceEqual(b.Changes)).All(same => same);
    }

    public int GetHashCode(CodeFix obj) => StringComparer.Ordinal.GetHashCode(obj.Title);
}
