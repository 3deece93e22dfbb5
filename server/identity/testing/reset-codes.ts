import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The code a ForgotPassword call left for `email` on cognito-local, read from its user-pool file: locally no mail
// carries it (cognito-local only prints it), and the reset tests must type the real one.
export function pendingResetCode(cognitoDir: string, email: string): string {
  const db = path.join(cognitoDir, '.cognito', 'db');
  for (const file of readdirSync(db).filter((f) => f !== 'clients.json' && f.endsWith('.json'))) {
    const pool = JSON.parse(readFileSync(path.join(db, file), 'utf8')) as {
      Users?: Record<string, { Attributes?: { Name: string; Value: string }[]; ConfirmationCode?: string }>;
    };
    for (const user of Object.values(pool.Users ?? {})) {
      const address = user.Attributes?.find((a) => a.Name === 'email')?.Value;
      if (address === email && user.ConfirmationCode) return user.ConfirmationCode;
    }
  }
  throw new Error(`no pending reset code for ${email} in ${db}`);
}
