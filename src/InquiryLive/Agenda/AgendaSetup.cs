using InquiryLive.Sessions;

namespace InquiryLive.Agenda;

public static class AgendaSetup
{
    public static WebApplicationBuilder AddAgenda(this WebApplicationBuilder builder)
    {
        builder.Services.AddSnapshotPart<FloorSnapshotPart>();
        return builder;
    }

    /// <summary>The agenda (admin), the chair's floor commands and reads, and the shared clock.</summary>
    public static IEndpointRouteBuilder MapAgenda(this IEndpointRouteBuilder app)
    {
        app.MapAgendaSetup();
        app.MapFloor();
        app.MapFloorReads();
        app.MapClock();
        return app;
    }
}
