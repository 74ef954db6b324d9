resource "aws_lb_target_group" "half" {
  name = "half"
  deregistration_delay = 
}

resource "aws_ecs_service" "half" {
