package dev.lakeformation.core.aws;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Makes the AWS calls of a thread abortable from another thread. The SDK's synchronous clients
 * block in the HTTP call until the service answers, and a work unit may take seconds before its
 * first byte; a cancel must not wait for it. So every HTTP request goes through
 * {@link #wrap(SdkHttpClient)}, and a call made inside {@link #run} registers its request's
 * {@code abort()} (which closes the connection and ends the blocked read) with the caller's
 * cancellation for as long as the request runs.
 */
public final class AbortableCalls {
  /** Registers an abort action with a cancellation signal; the result unregisters it when closed. */
  public interface AbortHook extends Function<Runnable, AutoCloseable> { }

  private static final ThreadLocal<AbortHook> CURRENT = new ThreadLocal<>();

  private AbortableCalls() {}

  /** Runs {@code call} on this thread with its HTTP requests aborted through {@code hook}. */
  public static <T> T run(AbortHook hook, Supplier<T> call) {
    AbortHook outer = CURRENT.get();
    CURRENT.set(hook);
    try {
      return call.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /**
   * One request, aborted when the caller's signal fires. An abort that comes while the request is
   * still connecting finds no socket to close yet, so it is repeated a few times until the call
   * ends; one that comes before the call starts stops it from starting.
   */
  private static final class AbortableRequest implements ExecutableHttpRequest {
    private static final int ABORT_REPEATS = 10;
    private static final long ABORT_REPEAT_MILLIS = 50;
    private static final ScheduledExecutorService REPEATS = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "lakeformation-jdbc-abort");
      thread.setDaemon(true);
      return thread;
    });

    private final ExecutableHttpRequest request;
    private final AbortHook hook;
    private volatile boolean aborted;
    private volatile boolean done;

    AbortableRequest(ExecutableHttpRequest request, AbortHook hook) {
      this.request = request;
      this.hook = hook;
    }

    @Override
    public HttpExecuteResponse call() throws IOException {
      try (AutoCloseable registration = hook.apply(this::abort)) {
        if (aborted) {
          throw new IOException("the call was cancelled before it was sent");
        }
        return request.call();
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("unregistering an abort hook failed", e);
      } finally {
        done = true;
      }
    }

    @Override
    public void abort() {
      aborted = true;
      request.abort();
      repeatAbort(ABORT_REPEATS);
    }

    private void repeatAbort(int left) {
      if (!done && left > 0) {
        REPEATS.schedule(() -> {
          if (!done) {
            request.abort();
            repeatAbort(left - 1);
          }
        }, ABORT_REPEAT_MILLIS, TimeUnit.MILLISECONDS);
      }
    }
  }

  /** An HTTP client whose requests can be aborted by the hook of the thread that sends them. */
  static SdkHttpClient wrap(SdkHttpClient client) {
    return WrappedHttpClient.of(client, (inner, request) -> {
      ExecutableHttpRequest prepared = inner.prepareRequest(request);
      AbortHook hook = CURRENT.get();
      return hook == null ? prepared : new AbortableRequest(prepared, hook);
    });
  }
}
