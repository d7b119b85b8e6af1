package dev.lakeformation.local.network;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ConnectHandler;

/**
 * A real HTTP proxy on loopback, Jetty's CONNECT handler, as companies run them: it tunnels
 * HTTPS, may ask for a user name and password (Basic), and records every host it was asked for.
 * Host names it is told to route (AWS's, for a test of the real configuration) are tunnelled to
 * a port on 127.0.0.1 instead of being looked up.
 */
public final class TunnellingProxy implements AutoCloseable {
  private final Server server;
  private final List<String> tunnels = new CopyOnWriteArrayList<>();
  private final List<String> refusals = new CopyOnWriteArrayList<>();

  /**
   * @param credentials "user:password" the proxy asks for, or null for none
   * @param routes host names tunnelled to a port of 127.0.0.1 (the rest go where they say)
   */
  public TunnellingProxy(String credentials, Map<String, Integer> routes) throws Exception {
    String expected = credentials == null ? null
        : "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(new ConnectHandler() {
      @Override
      protected boolean handleAuthentication(Request request, Response response, String address) {
        if (expected == null || expected.equals(request.getHeaders().get(HttpHeader.PROXY_AUTHORIZATION))) {
          tunnels.add(address);
          return true;
        }
        refusals.add(address);
        response.getHeaders().put(HttpHeader.PROXY_AUTHENTICATE, "Basic realm=\"test proxy\"");
        return false;
      }

      @Override
      protected InetSocketAddress newConnectAddress(String host, int port) {
        Integer routed = routes.get(host);
        return routed != null ? new InetSocketAddress("127.0.0.1", routed) : super.newConnectAddress(host, port);
      }
    });
    server.start();
  }

  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /** Each CONNECT let through, as "host:port", in order. */
  public List<String> tunnels() {
    return List.copyOf(tunnels);
  }

  /** Each CONNECT refused for its credentials. */
  public List<String> refusals() {
    return List.copyOf(refusals);
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
