// loop: an edge back into the loop node ends an iteration, so cycles through a loop node are allowed.
export const acceptsBackEdges = true;
