using Monitor.Bench;

// One benchmark per first argument; each prints its own figures. Add new ones as extra cases.
var benchmark = args.Length > 0 ? args[0] : "";
switch (benchmark)
{
    case "agreement":
        // Optional second argument scales the round (documents, code points and spans), e.g. "agreement 10".
        return AgreementBenchmark.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1);
    case "export":
        return await ExportBenchmark.RunAsync();
    case "reports":
        return await ReportsBenchmark.RunAsync();
    case "dashboard":
        return await DashboardBenchmark.RunAsync(200);
    case "portfolio2000":
        // the same shape per project as "dashboard", ten times the projects (#20)
        return await DashboardBenchmark.RunAsync(2000);
    case "effects":
        return EffectsBenchmark.Run();
    default:
        Console.Error.WriteLine("Gebruik: dotnet run -c Release --project bench/Monitor.Bench -- <benchmark> [opties]");
        Console.Error.WriteLine("Benchmarks: agreement [schaal], export, reports, dashboard, portfolio2000, effects");
        return 2;
}
