import { StopSequenceFilter } from './stop-sequences';

describe('StopSequenceFilter', () => {
  it('holds back a possible stop string until it is decided', () => {
    const filter = new StopSequenceFilter(['\nUser:']);
    expect(filter.push('Hello')).toEqual({ text: 'Hello', stopped: false });
    expect(filter.push('\nUs')).toEqual({ text: '', stopped: false });
    expect(filter.push('ually')).toEqual({ text: '\nUsually', stopped: false });
    expect(filter.push('\nUser: hi')).toEqual({ text: '', stopped: true });
    expect(filter.completion).toBe('Hello\nUsually');
  });

  it('stops at the earliest of several stop strings and flushes the rest at the end', () => {
    const filter = new StopSequenceFilter(['END', '.']);
    expect(filter.push('one E')).toEqual({ text: 'one ', stopped: false });
    expect(filter.flush()).toBe('E');
    const other = new StopSequenceFilter(['END', '.']);
    expect(other.push('a.b END')).toEqual({ text: 'a', stopped: true });
  });
});
