using PolicyLens.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

// The one appsettings.json of web app and CLI is copied next to the executable; it is the base
// layer, so the app also finds it when started from another folder. The content root's copy,
// environment variables (PolicyLens__DatabasePath …) and the command line override it.
var shipped = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
{
    Path = Path.Join(AppContext.BaseDirectory, "appsettings.json"),
    Optional = true,
    ReloadOnChange = false,
};
shipped.ResolveFileProvider(); // an absolute path needs its own file provider, not the content root's
builder.Configuration.Sources.Insert(0, shipped);

// No "Server: Kestrel" header: nothing to gain from telling the world what runs here.
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
builder.Services.AddPolicyLens(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddRazorPages(options =>
{
    options.RootDirectory = "/Pages";
});

var app = builder.Build();
app.UsePolicyLensPipeline();
app.MapRazorPages();
app.MapPolicyLensEndpoints();
app.Run();

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
