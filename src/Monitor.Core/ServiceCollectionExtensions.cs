using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Backups;
using Monitor.Core.Charts;
using Monitor.Core.Coding;
using Monitor.Core.Data;
using Monitor.Core.Demo;
using Monitor.Core.Findings;
using Monitor.Core.Frameworks;
using Monitor.Core.Meetings;
using Monitor.Core.Notifications;
using Monitor.Core.Planning;
using Monitor.Core.Privacy;
using Monitor.Core.Projects;

namespace Monitor.Core;

/// <summary>The one DI entry point for Monitor.Core, used by the web app and the worker alike.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddMonitorCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MonitorOptions>(configuration.GetSection(MonitorOptions.SectionName));
        // PostgreSQL's connection string lives where .NET keeps connection strings: ConnectionStrings:Monitor
        services.PostConfigure<MonitorOptions>(options => options.ConnectionString ??= configuration.GetConnectionString("Monitor"));
        services.Configure<BackupOptions>(configuration.GetSection(BackupOptions.SectionName));
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.SectionName));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MonitorDatabase>();
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<DatabaseHealth>();
        services.AddSingleton<FrameworkStore>();
        services.AddSingleton<ProjectStore>();
        services.AddSingleton<AuditStore>();
        services.AddSingleton<AccountStore>();
        services.AddSingleton<PrivacyStore>();
        services.AddSingleton<PlanStore>();
        services.AddSingleton<PlanVersionStore>();
        services.AddSingleton<MeetingWrites>();
        services.AddSingleton<GroupStore>();
        services.AddSingleton<MeetingStore>();
        services.AddSingleton<ActionItemStore>();
        services.AddSingleton<MeetingQueries>();
        services.AddSingleton<ReflectionStore>();
        services.AddSingleton<ReflectionLinkStore>();
        services.AddSingleton<CalendarSubscriptionStore>();
        services.AddSingleton<OwnReflectionStore>();
        services.AddSingleton<MemberDataStore>();
        services.AddSingleton<CodebookStore>();
        services.AddSingleton<CodingDocumentStore>();
        services.AddSingleton<CodingStore>();
        services.AddSingleton<FileCoderStore>();
        services.AddSingleton<FragmentQueries>();
        services.AddSingleton<RoundStore>();
        services.AddSingleton<RoundAgreement>();
        services.AddSingleton<Coding.CodebookExchange>();
        services.AddSingleton<Coding.ProjectExchange>();
        services.AddSingleton<DemoDataLoader>();
        services.AddSingleton<DemoCodingLoader>();
        services.AddSingleton<DemoFindingLoader>();
        services.AddSingleton<DemoLearningLoader>();
        services.AddSingleton<DemoInnovationLoader>();
        services.AddSingleton<DemoTrainingRegisterLoader>();
        services.AddSingleton<DemoEffectLoader>();
        services.AddSingleton<DemoOrganisationLoader>();
        services.AddSingleton<FindingStore>();
        services.AddSingleton<Findings.FindingSuggester>();
        services.AddSingleton<Learning.LearningAgendaStore>();
        services.AddSingleton<Learning.TimelineStore>();
        services.AddSingleton<Innovation.CoreElementStore>();
        services.AddSingleton<Innovation.FidelityStore>();
        services.AddSingleton<Innovation.ReachStore>();
        services.AddSingleton<Innovation.InnovationUseReader>();
        services.AddSingleton<Effects.QuestionnaireStore>();
        services.AddSingleton<Effects.SurveyRoundStore>();
        services.AddSingleton<Effects.EffectReader>();
        services.AddSingleton<Effects.Linkage.TrainingRegisterStore>();
        services.AddSingleton<Effects.Linkage.SurveyLinkageStore>();
        services.AddSingleton<Effects.Import.ResponseImportStore>();
        services.AddSingleton<Effects.MidiSurveyStore>();
        services.AddSingleton<Effects.MidiReader>();
        services.AddSingleton<Effects.OpenAnswerCoding>();
        services.AddSingleton<Networks.NetworkStore>();
        services.AddSingleton<Networks.GroupGuestStore>();
        services.AddSingleton<Participation.ParticipationStore>();
        // the one chart renderer of pages and reports (stateless); a ScottPlot renderer would replace it here
        services.AddSingleton<IChartRenderer, ScottPlotChartRenderer>();
        services.AddSingleton<Reports.ReportDataBuilder>();
        services.AddSingleton<Reports.ReportService>();
        services.AddSingleton<Reports.MonthlyProgressReports>();
        services.AddSingleton<Reports.ReportSchedule>();
        services.AddSingleton<DatabasePreparation>();
        services.AddSingleton<DatabaseMaintenance>();
        services.AddSingleton<BackupService>();
        services.AddSingleton<NotificationStore>();
        services.AddSingleton<OverdueActivityNotifier>();
        services.AddSingleton<Effects.RoundReminderNotifier>();
        services.AddSingleton<MeetingReminders>();
        services.AddSingleton<NotificationMailer>();
        services.AddSingleton<Portfolio.PortfolioService>();
        return services;
    }
}
