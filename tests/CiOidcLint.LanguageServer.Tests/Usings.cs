global using System;
global using System.Collections.Generic;
global using System.IO;
global using System.Linq;
global using System.Text.Json.Nodes;
global using System.Threading.Tasks;
global using CiOidcLint.Testing;
global using Xunit;
