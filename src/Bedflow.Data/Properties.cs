using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Bedflow.Data.Tests")]
