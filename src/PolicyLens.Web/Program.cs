using PolicyLens.Web.Infrastructure;

// The app's own folder is the content root, so appsettings.json, wwwroot, rules and demo plans
// are found wherever PolicyLens is started from: `dotnet run`, the built program, a release folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.UsePolicyLensHosting();
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
