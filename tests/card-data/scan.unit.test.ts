import { describe, expect, it } from 'vitest';
import { scanLogText } from './scan';

describe('card data scan of log text', () => {
  it('finds a test card however it is written, and any Luhn-valid card-length run, naming the line', () => {
    const log = [
      '{"level":"info","msg":"checkout","token":"tok_abc"}',
      '{"level":"info","msg":"body","payment":{"cardNumber":"4242 4242 4242 4242"}}',
      'GET /checkout?cardNumber=4000-0027-6000-3184 200',
      '{"msg":"odd","v":"6011111111111117"}',
    ].join('\n');
    expect(scanLogText(log, 'server.log')).toEqual([
      { where: 'server.log:2', why: 'test card' },
      { where: 'server.log:3', why: 'test card' },
      { where: 'server.log:4', why: 'Luhn-valid digits' },
    ]);
  });
  it('passes ids, timestamps and order numbers that are no card', () => {
    const log =
      '{"at":1764633600000,"orderId":"ord_01jx9","requestId":"4f3c2b1a-9d8e","total":424242,"last4":"4242","image":"/images/board-games.p-43868319298005aa.1.png"}';
    expect(scanLogText(log, 'server.log')).toEqual([]);
  });
});
