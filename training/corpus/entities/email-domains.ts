/** Mail domains for addresses built from names: webmail providers and made-up organisations. */
export const EMAIL_DOMAINS: readonly string[] = [
  'gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'proton.me', 'fastmail.com', 'hotmail.com', 'gmx.de',
  'mail.com', 'zoho.com', 'aol.com', 'web.de', 'orange.fr', 'libero.it', 'example.com', 'example.org',
  'example.net', 'northwind.io', 'bluepeak.co', 'tidewater.org', 'lumenlabs.ai', 'quarrystone.com', 'brightfield.net', 'harborview.io',
  'redkite.dev', 'oakridge.edu', 'silverline.co.uk', 'cobaltworks.com', 'meadowlark.org', 'ironbridge.tech', 'sunhollow.com', 'clearwater.studio',
  'polarisgroup.com', 'fernhill.ac.uk', 'kestrel.app', 'driftwood.design', 'granitepeak.com', 'mossbank.org', 'willowmail.net', 'arcadia-health.org',
  'copperleaf.io', 'pinecrest.co', 'larkspur.dev', 'tallgrass.net', 'saltmarsh.com', 'hollowtree.org', 'starlingbank.example', 'nimbusmail.com',
];
