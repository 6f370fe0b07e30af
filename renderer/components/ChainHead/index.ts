export { ChainHead, ChainHeadStamp, LiveChainHeadStamp } from './ChainHead';
export { QrSvg } from './QrSvg';
