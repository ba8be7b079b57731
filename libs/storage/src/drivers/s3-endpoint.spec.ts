import { parseS3Endpoint } from './s3-endpoint';

describe('parseS3Endpoint', () => {
  it('splits host, port and scheme', () => {
    expect(parseS3Endpoint('http://127.0.0.1:19000')).toEqual({
      endPoint: '127.0.0.1',
      port: 19000,
      useSSL: false,
    });
    expect(parseS3Endpoint('https://s3.example.com')).toEqual({
      endPoint: 's3.example.com',
      port: 443,
      useSSL: true,
    });
    expect(parseS3Endpoint('http://minio/')).toEqual({ endPoint: 'minio', port: 80, useSSL: false });
    expect(parseS3Endpoint('http://[::1]:9000')).toEqual({ endPoint: '::1', port: 9000, useSSL: false });
  });

  it.each([
    ['not a url', 'must be a URL'],
    ['ftp://host', 'http or https'],
    ['http://host/base', 'path'],
    ['http://user:pw@host', 'credentials'],
  ])('rejects %s', (url, reason) => {
    expect(parseS3Endpoint(url)).toEqual(expect.stringContaining(reason));
  });
});
