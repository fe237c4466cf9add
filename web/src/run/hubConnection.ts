// The one way the designer connects to /hubs/executions (DESIGN §5): the session's JWT through
// accessTokenFactory (sent as access_token), automatic reconnect, no console logging.
import { HubConnectionBuilder, LogLevel, type HubConnection, type IRetryPolicy } from "@microsoft/signalr";
import { useSession } from "../store/session";

/** `retry` replaces SignalR's default reconnect schedule (0, 2, 10, 30 s, then give up). */
export function createHubConnection(retry?: IRetryPolicy): HubConnection {
  const builder = new HubConnectionBuilder().withUrl("/hubs/executions", {
    accessTokenFactory: () => useSession.getState().token ?? "",
  });
  return (retry ? builder.withAutomaticReconnect(retry) : builder.withAutomaticReconnect()).configureLogging(LogLevel.None).build();
}
