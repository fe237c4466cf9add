// Live refresh for the executions page: with a workflow selected, subscribe to its events on /hubs/executions
// and call `onChange` (debounced) when one of its executions starts or changes status. Returns whether the hub
// is connected, so the page can fall back to polling when it is not.
import { useEffect, useRef, useState } from "react";
import { createHubConnection } from "../run/hubConnection";

export function useWorkflowEvents(workflowId: string, onChange: () => void): boolean {
  const [connected, setConnected] = useState(false);
  const callback = useRef(onChange);
  callback.current = onChange;

  useEffect(() => {
    if (!workflowId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changed = () => {
      clearTimeout(timer);
      timer = setTimeout(() => callback.current(), 250);
    };
    const connection = createHubConnection();
    connection.on("ExecutionStatusChanged", changed);
    connection.onreconnecting(() => setConnected(false));
    connection.onreconnected(async () => {
      await connection.invoke("SubscribeWorkflow", workflowId).catch(() => undefined);
      setConnected(true);
      changed(); // events may have been missed while away
    });
    connection.onclose(() => setConnected(false));
    let live = true;
    connection
      .start()
      .then(() => connection.invoke("SubscribeWorkflow", workflowId))
      .then(() => live && setConnected(true))
      .catch(() => live && setConnected(false));
    return () => {
      live = false;
      clearTimeout(timer);
      setConnected(false);
      void connection.stop().catch(() => undefined);
    };
  }, [workflowId]);

  return connected;
}
