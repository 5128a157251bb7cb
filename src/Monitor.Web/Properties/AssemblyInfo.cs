using System.Resources;

// The neutral resources (SharedResource.resx) are Dutch; English is a satellite assembly.
[assembly: NeutralResourcesLanguage("nl")]
