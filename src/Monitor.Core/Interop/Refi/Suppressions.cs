using System.Diagnostics.CodeAnalysis;

// The model mirrors the QDA-XML vocabulary (guid, typeOfVariable Integer/Float), which the lead and the spec share.
[assembly: SuppressMessage(
    "Naming",
    "CA1720:Identifier contains type name",
    Justification = "Names follow the REFI-QDA schema: guid attributes and the typeOfVariable values Integer and Float.",
    Scope = "namespaceanddescendants",
    Target = "~N:Monitor.Core.Interop.Refi")]

// The coding model carries the same REFI-QDA GUIDs (exports must keep them), under the same name.
[assembly: SuppressMessage(
    "Naming",
    "CA1720:Identifier contains type name",
    Justification = "Codebooks, codes, documents and codings carry their REFI-QDA guid under that name.",
    Scope = "namespaceanddescendants",
    Target = "~N:Monitor.Core.Coding")]
