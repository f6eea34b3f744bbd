using System.Collections.Generic;
using System.Collections.Immutable;

namespace CiOidcLint.Analysis.Shell;

/// <summary>
/// Finds variable references without knowing the dialect: for GitLab <c>variables:</c> values,
/// <c>rules:if</c> expressions and Windows (cmd, PowerShell) scripts. It finds <c>$NAME</c>,
/// <c>${NAME}</c>, <c>%NAME%</c>, <c>$env:NAME</c> and <c>${env:NAME}</c>; <c>$$</c> is GitLab's
/// escaped dollar and yields nothing. Quotes mean nothing to it.
/// </summary>
public static class VariableScanner
{
    public static ImmutableArray<VariableReference> Find(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return ImmutableArray<VariableReference>.Empty;
        }

        var found = ImmutableArray.CreateBuilder<VariableReference>();
        int[]? closingBraces = null;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '$')
            {
                i = ScanDollar(text, i, found, ref closingBraces);
            }
            else if (c == '%')
            {
                i = ScanPercent(text, i, found);
            }
            else
            {
                i++;
            }
        }

        return found.ToImmutable();
    }

    private static int ScanDollar(string text, int start, ImmutableArray<VariableReference>.Builder found, ref int[]? closingBraces)
    {
        var next = At(text, start + 1);
        if (next == '$')
        {
            return start + 2;
        }

        if (next == '{')
        {
            var nameStart = start + 2;
            var form = VariableForm.Braced;
            if (IsEnvPrefix(text, nameStart))
            {
                nameStart += 4;
                form = VariableForm.PowerShellEnv;
            }

            var nameEnd = NameEnd(text, nameStart);
            if (nameEnd == nameStart)
            {
                return start + 1;
            }

            var after = At(text, nameEnd);
            int end;
            if (after == '}')
            {
                end = nameEnd + 1;
            }
            else if (form == VariableForm.Braced && IsExpansionOperator(after))
            {
                // ${NAME:-default}: the reference runs to the matching brace; the scan goes on inside it.
                closingBraces ??= MatchBraces(text);
                var close = closingBraces[start + 1];
                end = close < 0 ? nameEnd : close + 1;
            }
            else
            {
                return start + 1;
            }

            found.Add(new VariableReference(text.Substring(nameStart, nameEnd - nameStart), start, end - start, nameStart, form, false, false));
            return nameEnd;
        }

        if (IsEnvPrefix(text, start + 1))
        {
            var envNameEnd = NameEnd(text, start + 5);
            if (envNameEnd > start + 5)
            {
                found.Add(new VariableReference(text.Substring(start + 5, envNameEnd - start - 5), start, envNameEnd - start, start + 5, VariableForm.PowerShellEnv, false, false));
                return envNameEnd;
            }
        }

        var end2 = NameEnd(text, start + 1);
        if (end2 == start + 1)
        {
            return start + 1;
        }

        found.Add(new VariableReference(text.Substring(start + 1, end2 - start - 1), start, end2 - start, start + 1, VariableForm.Dollar, false, false));
        return end2;
    }

    private static int ScanPercent(string text, int start, ImmutableArray<VariableReference>.Builder found)
    {
        var nameEnd = NameEnd(text, start + 1);
        if (nameEnd > start + 1 && At(text, nameEnd) == '%')
        {
            found.Add(new VariableReference(text.Substring(start + 1, nameEnd - start - 1), start, nameEnd + 1 - start, start + 1, VariableForm.Percent, false, false));
            return nameEnd + 1;
        }

        // %% is cmd's escaped percent (and a batch file's loop variable prefix), never a reference.
        return At(text, start + 1) == '%' ? start + 2 : start + 1;
    }

    /// <summary>The end of the name starting at <paramref name="start"/>; equal to it when no name starts there.</summary>
    private static int NameEnd(string text, int start)
    {
        if (!ShellChars.IsNameStart(At(text, start)))
        {
            return start;
        }

        var i = start + 1;
        while (i < text.Length && ShellChars.IsNameChar(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsEnvPrefix(string text, int index) =>
        index + 4 <= text.Length
        && (text[index] == 'e' || text[index] == 'E')
        && (text[index + 1] == 'n' || text[index + 1] == 'N')
        && (text[index + 2] == 'v' || text[index + 2] == 'V')
        && text[index + 3] == ':'
        && ShellChars.IsNameStart(At(text, index + 4));

    private static bool IsExpansionOperator(char c) => c is ':' or '-' or '=' or '?' or '+' or '#' or '%' or '/' or '^' or ',' or '@' or '[';

    private static char At(string text, int index) => index < text.Length ? text[index] : '\0';

    /// <summary>For each <c>{</c>, the index of its matching <c>}</c> or -1; one pass, so nesting costs nothing extra.</summary>
    private static int[] MatchBraces(string text)
    {
        var matches = new int[text.Length];
        var open = new Stack<int>();
        for (var i = 0; i < text.Length; i++)
        {
            matches[i] = -1;
            if (text[i] == '{')
            {
                open.Push(i);
            }
            else if (text[i] == '}' && open.Count > 0)
            {
                matches[open.Pop()] = i;
            }
        }

        return matches;
    }
}
