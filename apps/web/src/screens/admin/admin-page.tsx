export default function Stub() { return <p>Đang xây dựng</p>; }
