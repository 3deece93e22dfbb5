import type { ConverseCommandOutput, ToolUseBlock } from '@aws-sdk/client-bedrock-runtime';

// Test-only: Bedrock Converse answers in the API's response shape (stopReason, output.message.content with toolUse or
// text blocks, usage), written from the API reference: no Bedrock endpoint is reachable here, so these stand for a
// model's turns. Each helper is one model call.

const meta = { $metadata: { httpStatusCode: 200, requestId: 'test' }, metrics: { latencyMs: 420 } };

export function toolUseTurn(uses: Omit<ToolUseBlock, 'toolUseId'>[], usage = { inputTokens: 900, outputTokens: 60 }): ConverseCommandOutput {
  return {
    ...meta,
    stopReason: 'tool_use',
    output: {
      message: {
        role: 'assistant',
        content: [{ text: 'Let me check the shop.' }, ...uses.map((u, i) => ({ toolUse: { ...u, toolUseId: `tooluse_${i}_${u.name}` } }))],
      },
    },
    usage: { ...usage, totalTokens: usage.inputTokens + usage.outputTokens },
  };
}

export function textTurn(text: string, usage = { inputTokens: 1_400, outputTokens: 80 }): ConverseCommandOutput {
  return {
    ...meta,
    stopReason: 'end_turn',
    output: { message: { role: 'assistant', content: [{ text }] } },
    usage: { ...usage, totalTokens: usage.inputTokens + usage.outputTokens },
  };
}
