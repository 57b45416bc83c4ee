using Asystent.KnowledgeBase.Search;
using Microsoft.AspNetCore.Diagnostics;

namespace Asystent.Bot.Hosting;

/// <summary>A request that arrives while the index is still being built gets a polite 503, not a 500.</summary>
internal sealed class NotReadyHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (SearchNotReadyException or Asystent.KnowledgeBase.Intents.IntentModelNotReadyException))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Starting up",
                Detail = "The knowledge base is still starting. Please try again in a few seconds.",
            },
        });
    }
}
