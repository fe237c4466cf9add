// The SignalR client for /hubs/executions (DESIGN §5): JWT via accessTokenFactory, automatic reconnect,
// re-subscribe on reconnect. One connection per page; callers subscribe to executions by id.
import { HubConnectionState, type HubConnection } from "@microsoft/signalr";
import { createHubConnection } from "./hubConnection";
import type { ExecutionEvent } from "./types";

export const hubEvents = ["NodeStarted", "NodeCompleted", "NodeFailed", "NodeRetrying", "NodeWaiting", "NodeSkipped", "ExecutionStatusChanged"] as const;

export interface HubHandlers {
  onEvent: (ev: ExecutionEvent) => void;
  /** After a reconnect: the subscription is renewed; the caller re-fetches the snapshot. */
  onReconnected: () => void;
  onDown: () => void;
}

export class ExecutionHub {
  private connection: HubConnection | null = null;
  private subscriptions = new Set<string>();
  constructor(private readonly handlers: HubHandlers) {}

  async start(): Promise<void> {
    if (this.connection?.state === HubConnectionState.Connected) return;
    // Keep trying while the page is open (a silo restart can take longer than the default schedule).
    const connection = createHubConnection({ nextRetryDelayInMilliseconds: (ctx) => Math.min(10_000, 500 * 2 ** ctx.previousRetryCount) });
    for (const kind of hubEvents) {
      connection.on(kind, (payload: Omit<ExecutionEvent, "kind">) => this.handlers.onEvent({ ...payload, kind }));
    }
    connection.onreconnecting(() => this.handlers.onDown());
    connection.onreconnected(async () => {
      for (const id of this.subscriptions) await connection.invoke("SubscribeExecution", id).catch(() => undefined);
      this.handlers.onReconnected();
    });
    connection.onclose(() => this.handlers.onDown());
    this.connection = connection;
    await connection.start();
  }

  get connected(): boolean {
    return this.connection?.state === HubConnectionState.Connected;
  }

  async subscribe(executionId: string): Promise<void> {
    this.subscriptions.add(executionId);
    if (this.connection?.state === HubConnectionState.Connected) await this.connection.invoke("SubscribeExecution", executionId);
  }

  unsubscribeAll(): void {
    this.subscriptions.clear();
  }

  async stop(): Promise<void> {
    this.subscriptions.clear();
    const c = this.connection;
    this.connection = null;
    if (c) await c.stop().catch(() => undefined);
  }
}
