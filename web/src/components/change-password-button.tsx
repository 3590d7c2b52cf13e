import { Button } from "antd";
import { lazy, Suspense, useState } from "react";

const ChangePasswordDialog = lazy(() => import("./change-password.tsx"));

/**
 * 修改密码 in the header: the dialog's code (Ant Design's Form, Input.Password and Modal) loads on
 * the first click, not with the layout.
 */
export function ChangePasswordButton() {
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  return (
    <>
      <Button
        size="small"
        onClick={() => {
          setWanted(true);
          setOpen(true);
        }}
        onPointerEnter={() => setWanted(true)}
      >
        修改密码
      </Button>
      {wanted && (
        <Suspense fallback={null}>
          <ChangePasswordDialog open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
