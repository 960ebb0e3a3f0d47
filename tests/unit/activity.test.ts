import { startActivity, statusLine } from '../../src/dev/activity';

const fakeStream = (isTTY: boolean) => {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (chunk: string) => written.push(chunk) } as unknown as NodeJS.WriteStream };
};

describe('progress on a terminal', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('shows the elapsed time of a long command each second, then erases it', () => {
    const { written, stream } = fakeStream(true);
    const activity = startActivity('stats:verify', stream);
    jest.advanceTimersByTime(999);
    expect(written).toEqual([]);
    jest.advanceTimersByTime(2_001);
    activity.stop();
    expect(written).toEqual(['\rstats:verify… 1 s', '\rstats:verify… 2 s', '\rstats:verify… 3 s', '\r\x1b[2K']);
  });

  it('stays silent for a quick command and when stderr is not a terminal', () => {
    const quick = fakeStream(true);
    startActivity('key:list', quick.stream).stop();
    const piped = fakeStream(false);
    const activity = startActivity('stats:verify', piped.stream);
    jest.advanceTimersByTime(5_000);
    activity.stop();
    statusLine(piped.stream)('starting DynamoDB Local on port 8000…');
    statusLine(quick.stream)('starting DynamoDB Local on port 8000…');
    expect([quick.written, piped.written]).toEqual([['starting DynamoDB Local on port 8000…\n'], []]);
  });
});
