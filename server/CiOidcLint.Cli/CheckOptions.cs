using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Cli;

internal sealed record CheckOptions(IReadOnlyList<string> Paths, string Format, DiagnosticSeverity Threshold, bool UseColor);
