/** What a procedural tool does to its noun; nouns list the kinds of action that make sense for them. */
export type ActionKind = 'read' | 'create' | 'update' | 'remove' | 'reserve' | 'pay' | 'track' | 'send' | 'control';

export interface ProceduralVerb {
  /** The first word of the tool's name: `lookup` in `lookup_invoice`. */
  readonly name: string;
  readonly kind: ActionKind;
  /** Capitalised for descriptions: "Look up". */
  readonly describe: string;
  /** How a request says it, before the object: "look up", "pull up". */
  readonly phrases: readonly string[];
}

export const PROCEDURAL_VERBS: readonly ProceduralVerb[] = [
  { name: 'get', kind: 'read', describe: 'Get', phrases: ['get', 'fetch', 'show me'] },
  { name: 'lookup', kind: 'read', describe: 'Look up', phrases: ['look up', 'pull up', 'find'] },
  { name: 'find', kind: 'read', describe: 'Find', phrases: ['find', 'search for', 'locate'] },
  { name: 'check', kind: 'read', describe: 'Check', phrases: ['check', 'check on', 'verify'] },
  { name: 'fetch', kind: 'read', describe: 'Fetch', phrases: ['fetch', 'retrieve', 'get'] },
  { name: 'view', kind: 'read', describe: 'View', phrases: ['show', 'display', 'open'] },
  { name: 'list', kind: 'read', describe: 'List', phrases: ['list', 'show all'] },
  { name: 'search', kind: 'read', describe: 'Search for', phrases: ['search for', 'look for'] },
  { name: 'create', kind: 'create', describe: 'Create', phrases: ['create', 'make', 'set up'] },
  { name: 'add', kind: 'create', describe: 'Add', phrases: ['add', 'register', 'put in'] },
  { name: 'open', kind: 'create', describe: 'Open', phrases: ['open', 'start', 'file'] },
  { name: 'submit', kind: 'create', describe: 'Submit', phrases: ['submit', 'send in', 'file'] },
  { name: 'log', kind: 'create', describe: 'Log', phrases: ['log', 'record', 'note down'] },
  { name: 'request', kind: 'create', describe: 'Request', phrases: ['request', 'ask for', 'put in a request for'] },
  { name: 'register', kind: 'create', describe: 'Register', phrases: ['register', 'sign up for', 'enrol in'] },
  { name: 'update', kind: 'update', describe: 'Update', phrases: ['update', 'change', 'modify'] },
  { name: 'edit', kind: 'update', describe: 'Edit', phrases: ['edit', 'amend', 'adjust'] },
  { name: 'reschedule', kind: 'update', describe: 'Reschedule', phrases: ['reschedule', 'move', 'push back'] },
  { name: 'renew', kind: 'update', describe: 'Renew', phrases: ['renew', 'extend'] },
  { name: 'rename', kind: 'update', describe: 'Rename', phrases: ['rename'] },
  { name: 'cancel', kind: 'remove', describe: 'Cancel', phrases: ['cancel', 'call off', 'drop'] },
  { name: 'delete', kind: 'remove', describe: 'Delete', phrases: ['delete', 'remove', 'get rid of'] },
  { name: 'archive', kind: 'remove', describe: 'Archive', phrases: ['archive', 'file away'] },
  { name: 'close', kind: 'remove', describe: 'Close', phrases: ['close', 'shut down', 'resolve'] },
  { name: 'reserve', kind: 'reserve', describe: 'Reserve', phrases: ['reserve', 'hold', 'save me'] },
  { name: 'book', kind: 'reserve', describe: 'Book', phrases: ['book', 'secure', 'get me'] },
  { name: 'schedule', kind: 'reserve', describe: 'Schedule', phrases: ['schedule', 'arrange', 'set up'] },
  { name: 'pay', kind: 'pay', describe: 'Pay', phrases: ['pay', 'settle', 'pay off'] },
  { name: 'refund', kind: 'pay', describe: 'Refund', phrases: ['refund', 'issue a refund for'] },
  { name: 'order', kind: 'pay', describe: 'Order', phrases: ['order', 'buy', 'purchase'] },
  { name: 'track', kind: 'track', describe: 'Track', phrases: ['track', 'trace', 'follow'] },
  { name: 'monitor', kind: 'track', describe: 'Monitor', phrases: ['monitor', 'keep an eye on', 'watch'] },
  { name: 'send', kind: 'send', describe: 'Send', phrases: ['send', 'dispatch', 'forward'] },
  { name: 'share', kind: 'send', describe: 'Share', phrases: ['share', 'pass on'] },
  { name: 'notify', kind: 'send', describe: 'Send a notification about', phrases: ['send a notice about', 'notify people about'] },
  { name: 'set', kind: 'control', describe: 'Set', phrases: ['set', 'adjust', 'configure'] },
  { name: 'start', kind: 'control', describe: 'Start', phrases: ['start', 'turn on', 'kick off'] },
  { name: 'stop', kind: 'control', describe: 'Stop', phrases: ['stop', 'turn off', 'halt'] },
  { name: 'reset', kind: 'control', describe: 'Reset', phrases: ['reset', 'restart'] },
];
